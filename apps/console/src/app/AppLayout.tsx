import { useState } from 'react';
import { Button, Grid, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { switchLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import { useLocale } from '../i18n/useLocale';
import { menuFor, selectedKeyOf } from './menu';

/** The frame of every signed-in page: the menu by role (a drawer-like sider on a phone), who is signed in, the language switch, sign out. */
export function AppLayout() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const { language } = useLocale();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(true);
  const identity = session!.identity;
  const entries = menuFor(identity);
  const selected = selectedKeyOf(entries, pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={narrow ? collapsed : false}
        onCollapse={setCollapsed}
        trigger={null}
        width={208}
        style={narrow ? { position: 'fixed', height: '100vh', zIndex: 20, left: 0, top: 0 } : undefined}
      >
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600 }}>{t('appName')}</div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-menu"
          selectedKeys={selected ? [selected] : []}
          items={entries.map((entry) => ({
            key: entry.key,
            label: <span data-testid={`menu-${entry.key}`}>{t(`menu.${entry.label}`, { shopId: entry.shopId })}</span>,
          }))}
          onClick={({ key }) => {
            const entry = entries.find((candidate) => candidate.key === key);
            if (entry) navigate(entry.path);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', height: 'auto', minHeight: 64 }}>
          {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="menu" data-testid="menu-toggle" onClick={() => setCollapsed((value) => !value)} />}
          <Space wrap style={{ marginInlineStart: 'auto' }}>
            <span data-testid="who-am-i">
              <Typography.Text strong>{identity.id}</Typography.Text> <Tag data-testid="who-am-i-role">{t(`roles.${identity.role}`)}</Tag>
              {identity.shopIds.length > 0 && <Typography.Text type="secondary">{identity.shopIds.join(', ')}</Typography.Text>}
            </span>
            <Segmented<Language>
              aria-label={t('header.language')}
              data-testid="language-switch"
              value={language}
              options={[
                { label: <span data-testid="language-zh">中文</span>, value: 'zh' },
                { label: <span data-testid="language-en">EN</span>, value: 'en' },
              ]}
              onChange={switchLanguage}
            />
            <Button icon={<LogoutOutlined />} data-testid="sign-out" onClick={() => signOut('signed_out')}>
              {t('header.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
