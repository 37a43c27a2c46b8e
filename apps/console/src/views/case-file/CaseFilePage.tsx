import { useEffect, useState } from 'react';
import { App, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ActionForm } from './actions/ActionForm';
import { actionByKey, offeredActions, type CaseAction } from './model/case-actions';
import { timelineEntryTestId } from './model/timeline-model';
import { CasesSection } from './sections/CasesSection';
import { CompensationsSection } from './sections/CompensationsSection';
import { NotesSection } from './sections/NotesSection';
import { RefundsSection } from './sections/RefundsSection';
import { ReviewSection } from './sections/ReviewSection';
import { SummarySection } from './sections/SummarySection';
import { TimelineSection } from './sections/TimelineSection';
import { useIdentity } from '../../auth/SessionProvider';
import { useCanAct } from './useCanAct';
import { useCaseFile } from './useCaseFile';

/** How often the deadlines ("due in 3 h") are recomputed. */
const TICK_MS = 30_000;

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The case file of an order (/console/orders/:orderId): summary, cross-service timeline, refunds, cases, compensations,
 * review and follow-ups, notes, and beside each the actions the caller's role allows. `?action=<action key>` opens an
 * action's form directly, even one the role is not offered (the server's 403 is then shown in words).
 */
export default function CaseFilePage() {
  const { orderId = '' } = useParams();
  const { t } = useTranslation('caseFile');
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const now = useNow();
  const can = useCanAct();
  const identity = useIdentity();
  const reads = useCaseFile(orderId);
  const [opened, setOpened] = useState<CaseAction>();
  const [highlighted, setHighlighted] = useState<string>();
  /** Scrolls the timeline to an event and highlights it: where every cause link (timeline, compensations) leads. */
  const goTo = (eventId: string) => {
    setHighlighted(eventId);
    const target = document.getElementById(timelineEntryTestId(eventId));
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target?.focus({ preventScroll: true });
  };

  const back = (
    <Link to="/" data-testid="case-file-queue-link">
      {t('backToQueue')}
    </Link>
  );
  if (reads.order.isLoading) return <Skeleton active data-testid="case-file-loading" />;
  if (!reads.file) {
    return (
      <Flex vertical gap={12} data-testid="case-file-page">
        {back}
        <ProblemAlert error={reads.order.error} />
      </Flex>
    );
  }
  const file = reads.file;
  const viewer = identity ? { id: identity.id, role: identity.role, now } : undefined;
  const offered = offeredActions(file, can, viewer);
  const forced = actionByKey(file, search.get('action'), viewer);
  const current = opened ?? forced;
  const close = () => {
    setOpened(undefined);
    if (search.has('action')) setSearch((params) => (params.delete('action'), params), { replace: true });
  };
  const actions = offered;
  const sectionError = (error: unknown) => (error ? <ProblemAlert error={error} /> : null);

  return (
    <Flex vertical gap={16} data-testid="case-file-page" data-order-id={file.order.id}>
      <Flex wrap gap={12} align="baseline">
        {back}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')} · <code>{file.order.id}</code>
        </Typography.Title>
      </Flex>
      <SummarySection order={file.order} />
      {offered.length === 0 && (
        <Card size="small">
          <Typography.Text type="secondary" data-testid="case-file-no-actions">
            {t('actions.none')}
          </Typography.Text>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {sectionError(reads.timeline.error)}
          <TimelineSection entries={file.timeline} highlighted={highlighted} goTo={goTo} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            {sectionError(reads.refunds.error)}
            <RefundsSection refunds={file.refunds} actions={actions} now={now} onOpen={setOpened} />
            {sectionError(reads.disputes.error)}
            <CasesSection disputes={file.disputes} actions={actions} now={now} onOpen={setOpened} />
            {sectionError(reads.compensations.error)}
            <CompensationsSection compensations={file.compensations} onTimeline={new Set(file.timeline.map((e) => e.eventId))} goTo={goTo} actions={actions} onOpen={setOpened} />
            {sectionError(reads.review.error ?? reads.followUps.error)}
            <ReviewSection review={file.review} followUps={file.followUps} actions={actions} now={now} onOpen={setOpened} />
            <NotesSection order={file.order} actions={actions} onOpen={setOpened} />
          </Flex>
        </Col>
      </Row>
      {current && (
        <ActionForm
          key={current.key}
          action={current}
          orderId={file.order.id}
          currency={file.order.currency}
          onCancel={close}
          onDone={(done) => {
            void message.success(t('actions.done', { action: t(`actions.${done.name}`) }));
            close();
          }}
        />
      )}
    </Flex>
  );
}
