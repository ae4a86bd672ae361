/** Segments, target list, invitations and sign-ups. */
export const eventInvitationsContract = {};
