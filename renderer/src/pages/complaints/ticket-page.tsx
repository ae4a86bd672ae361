import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { TicketAttachment } from '../../../../electron/contract/complaints';
import { api, ApiCallError } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { RevealScope } from '../../personal-data/reveal-scope';
import { isTypingTarget, useHotkeys } from '../callbacks/use-hotkeys';
import { complaintKeys } from './complaint-keys';
import { complaintListPath } from './list-return';
import type { TicketAction } from './ticket-action-modals';
import { TicketActionModal } from './ticket-action-modals';
import { TicketActionBar, ticketActions } from './ticket-action-bar';
import { AttachmentPreview, TicketAttachments } from './ticket-attachments';
import { TicketClosure } from './ticket-closure';
import { TicketFacts } from './ticket-facts';
import { TicketHeader } from './ticket-header';
import { TicketSolutions } from './ticket-solutions';
import { TicketTimeline } from './ticket-timeline';
import { TicketTimers } from './ticket-timers';
import { useComplaintStaff } from './use-complaint-staff';
import './complaints.css';

/** Time left changes as the clock runs: ask main again each minute while the page is open. */
const refreshMs = 60_000;

/**
 * 投诉工单详情: header, the next step's buttons, what was said and done (timeline), and on the side the three
 * deadlines, solutions, evidence, closure and review.
 */
export function TicketPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [action, setAction] = useState<TicketAction | null>(null);
  const [preview, setPreview] = useState<TicketAttachment | null>(null);
  const ticket = useQuery({
    queryKey: complaintKeys.ticket(id),
    queryFn: () => api.call('complaints.get', { id }),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: refreshMs,
  });
  const staff = useComplaintStaff(Boolean(ticket.data?.can.handle || ticket.data?.can.review));
  const settings = useQuery({
    queryKey: complaintKeys.settings,
    queryFn: () => api.call('complaints.settings', {}),
    staleTime: 5 * 60_000,
    enabled: can('complaints.raise'),
  });

  const data = ticket.data;
  useHotkeys((e) => {
    if (!data || action || preview || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target))
      return false;
    const offered = new Set(ticketActions(data).map((i) => i.action));
    if (e.key === 'c' && offered.has('contact')) {
      setAction({ kind: 'contact' });
      return true;
    }
    if (e.key === 'e' && offered.has('edit')) {
      setAction({ kind: 'edit' });
      return true;
    }
    if (e.key === 'r' && offered.has('respond')) {
      setAction({ kind: 'respond' });
      return true;
    }
    if (e.key === 'Backspace' || e.key === 'u') {
      void navigate(complaintListPath());
      return true;
    }
    return false;
  });

  if (ticket.isPending) {
    return (
      <div className="page page-centered">
        <Spin size="large" />
      </div>
    );
  }
  if (ticket.isError || !data) {
    const missing = ticket.error instanceof ApiCallError && ticket.error.kind === 'not_found';
    return (
      <div className="page page-centered">
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? t('complaints.ticket.notFound') : t('common.loadFailed')}
          subTitle={ticket.error ? errorMessage(ticket.error) : undefined}
          extra={
            <Button onClick={() => void navigate(complaintListPath())}>{t('complaints.ticket.back')}</Button>
          }
        />
      </div>
    );
  }

  return (
    // A number revealed on this ticket stays shown while it is open, for this customer only.
    <RevealScope key={data.customer.id}>
      <div className="page page-scroll cp-ticket-page" aria-busy={ticket.isFetching || undefined}>
        <TicketHeader ticket={data} />
        <TicketActionBar ticket={data} onAction={setAction} />
        <div className="cp-ticket-columns">
          <div className="cp-ticket-main">
            <TicketFacts ticket={data} />
            <TicketTimeline ticket={data} onOpenAttachment={setPreview} />
          </div>
          <div className="cp-ticket-side">
            <TicketTimers ticket={data} />
            <TicketSolutions ticket={data} onAction={setAction} />
            <TicketClosure ticket={data} />
            <TicketAttachments ticket={data} canAdd={data.can.handle} onOpen={setPreview} />
          </div>
        </div>
        {action && (
          <TicketActionModal
            key={action.kind}
            action={action}
            t={t}
            ticket={data}
            staff={staff.data}
            approvalFen={settings.data?.compensationApprovalFen ?? null}
            onClose={() => setAction(null)}
          />
        )}
        {preview && <AttachmentPreview attachment={preview} onClose={() => setPreview(null)} />}
      </div>
    </RevealScope>
  );
}
