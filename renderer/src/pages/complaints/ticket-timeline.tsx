import {
  AlertOutlined,
  AuditOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  DollarOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  FileSearchOutlined,
  FlagOutlined,
  MessageOutlined,
  PaperClipOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  SendOutlined,
  ShopOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClosureAnswer,
  ComplaintContactKind,
  ComplaintEventKind,
  ComplaintState,
  PauseReason,
  TicketAttachment,
  TicketDetail,
  TicketEvent,
} from '../../../../electron/contract/complaints';
import {
  closureAnswers,
  complaintContactKinds,
  complaintGrades,
  complaintStates,
  complaintTimers,
  pauseReasons,
} from '../../../../electron/contract/complaints';
import { formatFen } from '../../format/money';
import { StoreTime } from './store-time';
import { AttachmentThumb } from './ticket-attachments';

const icons: Record<ComplaintEventKind, ReactNode> = {
  note: <EditOutlined />,
  call: <PhoneOutlined />,
  message: <MessageOutlined />,
  visit: <ShopOutlined />,
  customer_reply: <CommentOutlined />,
  created: <FlagOutlined />,
  first_response: <SendOutlined />,
  state: <SwapOutlined />,
  grade: <AlertOutlined />,
  routed: <UserSwitchOutlined />,
  paused: <PauseCircleOutlined />,
  resumed: <PlayCircleOutlined />,
  solution_proposed: <FileSearchOutlined />,
  solution_approval: <DollarOutlined />,
  customer_answer: <CommentOutlined />,
  closed: <CheckCircleOutlined />,
  reopened: <RedoOutlined />,
  closure_call: <PhoneOutlined />,
  attachment: <PaperClipOutlined />,
  review: <AuditOutlined />,
  updated: <EditOutlined />,
  sla_warning: <ClockCircleOutlined />,
  sla_breach: <ExclamationCircleOutlined />,
};

/** Hand-written contact and what the system wrote, so a long ticket can be read as the conversation only. */
const contactKinds = new Set<ComplaintEventKind>([
  'note',
  'call',
  'message',
  'visit',
  'customer_reply',
  'first_response',
  'customer_answer',
  'closure_call',
]);

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The facts an entry carries (from → to, the pause reason, whom), named the way the rest of the page names them. */
function EventFacts({ event, ticket }: { event: TicketEvent; ticket: TicketDetail }) {
  const { t } = useTranslation();
  const d = event.data ?? {};
  const from = str(d.from);
  const to = str(d.to);
  const isState = (v: string | null): v is ComplaintState =>
    v !== null && (complaintStates as readonly string[]).includes(v);
  const isGrade = (v: string | null): v is (typeof complaintGrades)[number] =>
    v !== null && (complaintGrades as readonly string[]).includes(v);
  let text: string | null = null;
  switch (event.kind) {
    case 'state':
      if (isState(from) && isState(to))
        text = `${t(`complaints.states.${from}`)} → ${t(`complaints.states.${to}`)}`;
      break;
    case 'resumed':
      if (isState(to)) text = t('complaints.timeline.backTo', { state: t(`complaints.states.${to}`) });
      break;
    case 'grade':
      if (isGrade(to))
        text =
          isGrade(from) && from !== to ? `${from} → ${to}` : t('complaints.timeline.grade', { grade: to });
      break;
    case 'paused': {
      const reason = str(d.reason);
      if (reason && (pauseReasons as readonly string[]).includes(reason))
        text = t(`complaints.pauseReasons.${reason as PauseReason}`);
      break;
    }
    case 'routed': {
      // Names as the ticket has them now; an older routing shows the department it named then.
      const dept =
        str(d.department) ?? (d.departmentId === ticket.department?.id ? ticket.department?.name : null);
      const owner = d.ownerUserId === ticket.owner?.id ? ticket.owner?.name : null;
      text = [dept, owner].filter(Boolean).join(' · ') || null;
      break;
    }
    case 'first_response': {
      const how = str(d.how);
      if (how && (complaintContactKinds as readonly string[]).includes(how))
        text = t(`complaints.contactKinds.${how as ComplaintContactKind}`);
      break;
    }
    case 'solution_proposed':
      if (typeof d.totalFen === 'number' && d.totalFen > 0)
        text = t('complaints.solutions.total', { amount: formatFen(d.totalFen) });
      break;
    case 'solution_approval':
      if (typeof d.approved === 'boolean')
        text = t(d.approved ? 'complaints.timeline.approved' : 'complaints.timeline.rejected');
      break;
    case 'customer_answer': {
      const answer = str(d.answer);
      if (answer === 'agreed' || answer === 'refused') text = t(`complaints.timeline.answer.${answer}`);
      break;
    }
    case 'closure_call': {
      const answer = str(d.answer);
      if (answer && (closureAnswers as readonly string[]).includes(answer))
        text = t(`complaints.closureAnswers.${answer as ClosureAnswer}`);
      break;
    }
    case 'sla_warning':
    case 'sla_breach': {
      const timer = str(d.timer);
      if (timer && (complaintTimerKeys as readonly string[]).includes(timer))
        text = t(`complaints.timers.${timer as (typeof complaintTimerKeys)[number]}`);
      break;
    }
    default:
      break;
  }
  return text ? <span className="cp-tl-facts">{text}</span> : null;
}

const complaintTimerKeys = [...complaintTimers, 'manufacturer'] as const;

/**
 * 处理记录: every contact, state change, pause, solution, attachment — who and when, newest first. Attachments
 * show their thumbnail in place.
 */
export function TicketTimeline({
  ticket,
  onOpenAttachment,
}: {
  ticket: TicketDetail;
  onOpenAttachment: (attachment: TicketAttachment) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'contact'>('all');
  const events = [...ticket.events]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))
    .filter((e) => filter === 'all' || contactKinds.has(e.kind));
  const attachments = new Map(ticket.attachments.map((a) => [a.id, a]));

  return (
    <section className="cp-card cp-timeline-card" aria-labelledby="cp-timeline-title">
      <div className="cp-card-head">
        <h2 id="cp-timeline-title" className="cp-card-title">
          {t('complaints.timeline.title', { count: ticket.events.length })}
        </h2>
        <Segmented
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('complaints.timeline.all') },
            { value: 'contact', label: t('complaints.timeline.contact') },
          ]}
        />
      </div>
      <ol className="cp-timeline">
        {events.map((e) => {
          const attachmentId = typeof e.data?.attachmentId === 'number' ? e.data.attachmentId : null;
          const attachment = attachmentId !== null ? attachments.get(attachmentId) : undefined;
          return (
            <li key={e.id} className={`cp-tl-item cp-tl-${e.kind}`}>
              <span className="cp-tl-icon" aria-hidden="true">
                {icons[e.kind]}
              </span>
              <div className="cp-tl-body">
                <div className="cp-tl-head">
                  <span className="cp-tl-kind">{t(`complaints.eventKinds.${e.kind}`)}</span>
                  <EventFacts event={e} ticket={ticket} />
                  <span className="cp-tl-who">{e.user?.name ?? t('complaints.timeline.system')}</span>
                  <StoreTime iso={e.at} className="cp-tl-time cell-mono" />
                </div>
                {e.note && <div className="cp-tl-note">{e.note}</div>}
                {attachment && (
                  <div className="cp-tl-attachment">
                    <AttachmentThumb attachment={attachment} onOpen={() => onOpenAttachment(attachment)} />
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
