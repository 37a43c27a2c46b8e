import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { homeOf } from '../app/menu';
import { Instant } from '../components/Instant';
import { formatSpan } from '../format/time';
import { switchLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import { useLocale } from '../i18n/useLocale';
import { readToken } from './session';
import { useSession } from './SessionProvider';

/** Paste a bearer token, see what it claims (who, role, shops, expiry), sign in; says why the last session ended. */
export function SignInPage() {
  const { t } = useTranslation();
  const { language, locale } = useLocale();
  const { session, ended, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [pasted, setPasted] = useState('');
  const [touched, setTouched] = useState(false);
  const read = useMemo(() => readToken(pasted, Date.now()), [pasted]);

  if (session) return <Navigate to={from ?? homeOf(session.identity)} replace />;

  const submit = () => {
    setTouched(true);
    const result = signIn(pasted);
    if (result.ok) navigate(from ?? homeOf(result.session.identity), { replace: true });
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '48px 12px' }}>
      <Card
        style={{ width: '100%', maxWidth: 560 }}
        title={t('signIn.title')}
        extra={
          <Segmented<Language>
            value={language}
            data-testid="language-switch"
            options={[
              { label: <span data-testid="language-zh">中文</span>, value: 'zh' },
              { label: <span data-testid="language-en">EN</span>, value: 'en' },
            ]}
            onChange={switchLanguage}
          />
        }
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {ended && <Alert type={ended === 'signed_out' ? 'info' : 'warning'} showIcon data-testid="session-ended" data-reason={ended} title={t(`signIn.ended.${ended}`)} />}
          <Form layout="vertical" onFinish={submit}>
            <Form.Item
              label={t('signIn.tokenLabel')}
              extra={<Typography.Text type="secondary">{t('signIn.tokenHelp')}</Typography.Text>}
              validateStatus={touched && !read.ok ? 'error' : undefined}
              help={(touched || pasted.trim() !== '') && !read.ok ? <span data-testid="token-refused" data-reason={read.reason}>{t(`signIn.refused.${read.reason}`)}</span> : undefined}
            >
              <Input.TextArea
                data-testid="token-input"
                autoFocus
                rows={4}
                spellCheck={false}
                value={pasted}
                onChange={(event) => setPasted(event.target.value)}
                onPressEnter={(event) => {
                  if (!event.shiftKey) {
                    event.preventDefault();
                    submit();
                  }
                }}
              />
            </Form.Item>
            {read.ok && (
              <Descriptions size="small" column={1} bordered title={t('signIn.claims')} data-testid="token-claims" style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('signIn.subject')}>
                  <span data-testid="claim-sub">{read.session.identity.id}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('signIn.role')}>
                  <span data-testid="claim-role">{t(`roles.${read.session.identity.role}`)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('signIn.shops')}>
                  <span data-testid="claim-shops">{read.session.identity.shopIds.join(', ') || t('header.noShops')}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('signIn.expires')}>
                  {read.session.expiresAt === undefined ? (
                    t('signIn.never')
                  ) : (
                    <span data-testid="claim-exp">
                      <Instant at={new Date(read.session.expiresAt).toISOString()} /> ({t('signIn.expiresIn', { span: formatSpan(read.session.expiresAt - Date.now(), locale) })})
                    </span>
                  )}
                </Descriptions.Item>
              </Descriptions>
            )}
            <Button type="primary" htmlType="submit" data-testid="sign-in" disabled={!read.ok} block>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
