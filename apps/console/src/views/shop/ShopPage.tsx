import { useState } from 'react';
import { Card, Col, Empty, InputNumber, List, Row, Space, Statistic, Table, Tag, Tooltip as AntTooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePenaltyPoints, useShopRating } from '../../api/shops';
import { Instant } from '../../components/Instant';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { useLocale } from '../../i18n/useLocale';
import { followUpBars, percent, pointsOverTime, ratingBars, type PenaltyPoints } from './shop-model';

const RATING_COLORS: Record<string, string> = { positive: '#52c41a', neutral: '#faad14', negative: '#f5222d' };

/** A shop's standing: penalty points with their violations and restrictions, its rating and bad-review follow-ups. */
export default function ShopPage() {
  const { shopId = '' } = useParams();
  const { t } = useTranslation('shop');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="shop-page" data-shop={shopId}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('title', { shopId })}
      </Typography.Title>
      <PenaltyCard shopId={shopId} />
      <RatingCards shopId={shopId} />
    </Space>
  );
}

type Violation = PenaltyPoints['violations'][number];

function PenaltyCard({ shopId }: { shopId: string }) {
  const { t } = useTranslation('shop');
  const { locale } = useLocale();
  const [year, setYear] = useState<number | undefined>(undefined);
  const penalty = usePenaltyPoints(shopId, year);
  const data = penalty.data;
  const steps = data ? pointsOverTime(data) : [];
  return (
    <Card
      title={t('penalty.title')}
      extra={
        <Space>
          {t('penalty.year')}
          <InputNumber data-testid="penalty-year" min={2000} max={2100} value={year ?? data?.year} onChange={(value) => setYear(value ?? undefined)} />
        </Space>
      }
    >
      <ProblemAlert error={penalty.error} />
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <Statistic title={t('penalty.points', { year: data.year })} value={data.points} valueStyle={{ color: data.points >= 12 ? '#cf1322' : undefined }} />
            <span data-testid="penalty-points" data-points={data.points} hidden />
            <Typography.Title level={5}>{t('penalty.restrictions')}</Typography.Title>
            {data.restrictions.length === 0 ? (
              <Typography.Text type="secondary">{t('penalty.noRestrictions')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={data.restrictions}
                renderItem={(restriction) => (
                  <List.Item data-testid={`restriction-${restriction.kind}`}>
                    <Tag color="error">{t(`restrictionKinds.${restriction.kind}`, { defaultValue: restriction.kind })}</Tag>
                    <Instant at={restriction.from} />
                    {restriction.until && <span> → {t('penalty.until', { until: formatInstant(restriction.until, locale) })}</span>}
                  </List.Item>
                )}
              />
            )}
          </Col>
          <Col xs={24} md={16}>
            <Typography.Title level={5}>{t('penalty.chart')}</Typography.Title>
            <div style={{ width: '100%', height: 200 }} data-testid="penalty-chart">
              {steps.length === 0 ? (
                <Empty description={t('penalty.noViolations')} />
              ) : (
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={steps} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="at" tickFormatter={(at: string) => formatInstant(at, locale).slice(0, 10)} />
                    <YAxis allowDecimals={false} />
                    <Tooltip labelFormatter={(at) => formatInstant(String(at), locale)} />
                    <Line type="stepAfter" dataKey="points" stroke="#cf1322" name={t('columns.points')} isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              )}
            </div>
          </Col>
          <Col span={24}>
            <Typography.Title level={5}>{t('penalty.violations')}</Typography.Title>
            <Table<Violation>
              rowKey="id"
              size="small"
              dataSource={data.violations}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('penalty.noViolations')} /> }}
              onRow={(violation) => ({ 'data-testid': `violation-row-${violation.id}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('columns.type'), dataIndex: 'type', render: (type: string) => <Tag>{t(`violationTypes.${type}`, { defaultValue: type })}</Tag> },
                {
                  title: t('columns.points'),
                  key: 'points',
                  render: (_, violation) =>
                    violation.revoked ? (
                      <Space size={4}>
                        <Typography.Text delete>{violation.points}</Typography.Text>
                        <Tag color="green" data-testid={`revoked-${violation.id}`}>
                          {t('penalty.revoked')}
                        </Tag>
                      </Space>
                    ) : (
                      violation.points
                    ),
                },
                { title: t('columns.at'), key: 'at', render: (_, violation) => <Instant at={violation.at} /> },
                { title: t('columns.rule'), key: 'rule', render: (_, violation) => <code>{`${violation.rule.id} (${violation.rule.version})`}</code> },
                {
                  title: t('columns.basis'),
                  key: 'basis',
                  render: (_, violation) => (
                    <AntTooltip title={<div>{violation.basedOn.map((id) => <div key={id}><code>{id}</code></div>)}</div>}>
                      <span>{t('basedOn', { count: violation.basedOn.length })}</span>
                    </AntTooltip>
                  ),
                },
                { title: t('columns.order'), key: 'order', render: (_, violation) => <Link to={`/orders/${encodeURIComponent(violation.orderId)}`}>{violation.orderId}</Link> },
                { title: t('columns.case'), dataIndex: 'disputeId', render: (disputeId?: string) => disputeId ?? '—' },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function RatingCards({ shopId }: { shopId: string }) {
  const { t } = useTranslation('shop');
  const { locale } = useLocale();
  const rating = useShopRating(shopId);
  const data = rating.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('rating.title')} data-testid="rating-card">
          <ProblemAlert error={rating.error} />
          {data && (
            <>
              <Space size="large" wrap>
                <Statistic title={t('rating.score')} value={data.score} />
                <Statistic title={t('rating.positiveRate')} value={percent(data.positiveRate, locale)} />
                <span data-testid="rating-score" data-score={data.score} data-positive={data.positive} data-neutral={data.neutral} data-negative={data.negative} hidden />
              </Space>
              <Typography.Paragraph type="secondary">{t('rating.counted', { count: data.positive + data.neutral + data.negative })}</Typography.Paragraph>
              <div style={{ width: '100%', height: 220 }} data-testid="rating-chart">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={ratingBars(data).map((bar) => ({ ...bar, label: t(`rating.${bar.key}`) }))} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="count" isAnimationActive={false}>
                      {ratingBars(data).map((bar) => (
                        <Cell key={bar.key} fill={RATING_COLORS[bar.key]} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('followUps.title')} data-testid="follow-ups-card">
          {data && (
            <>
              <Space size="large" wrap>
                <Statistic title={t('followUps.revisionRate')} value={percent(data.followUps.revisionRate, locale)} />
                <Statistic
                  title={t('followUps.medianMinutesToContact')}
                  value={data.followUps.medianMinutesToContact === null ? '—' : t('followUps.minutes', { count: data.followUps.medianMinutesToContact })}
                />
                <span data-testid="follow-up-figures" data-opened={data.followUps.opened} hidden />
              </Space>
              <div style={{ width: '100%', height: 220, marginTop: 16 }} data-testid="follow-ups-chart">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={followUpBars(data).map((bar) => ({ ...bar, label: t(`followUps.${bar.key}`) }))} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="count" fill="#1677ff" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
