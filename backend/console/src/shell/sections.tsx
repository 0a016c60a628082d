import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { Permission } from '../../../src/common/access/permission.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** One part of the console in the navigation: shown to whoever holds any of its permissions. */
export interface ConsoleSection {
  key: string;
  path: string;
  title: MessageKey;
  icon: ReactNode;
  /** Permissions, never roles: who may do what is decided once, in the backend's role-permissions.ts. */
  anyOf: readonly Permission[];
  /** Loaded when first opened, so the first screen carries only its own code (ECharts included). */
  screen: ComponentType;
}

const placeholder = lazy(() => import('../screens/placeholder-screen.tsx'));

export const sections: readonly ConsoleSection[] = [
  {
    key: 'workspace',
    path: '/workspace',
    title: 'nav.workspace',
    icon: <CustomerServiceOutlined />,
    anyOf: [Permission.ConversationsHandle],
    screen: lazy(() => import('../screens/workspace-screen.tsx')),
  },
  {
    key: 'monitor',
    path: '/monitor',
    title: 'nav.monitor',
    icon: <DashboardOutlined />,
    // The live board for supervising; the canned replies agents insert, for whoever keeps them.
    anyOf: [Permission.ConversationsSupervise, Permission.CannedRepliesManage],
    screen: lazy(() => import('../screens/monitor-screen.tsx')),
  },
  {
    key: 'knowledge',
    path: '/knowledge',
    title: 'nav.knowledge',
    icon: <BookOutlined />,
    anyOf: [Permission.KnowledgeRead],
    screen: lazy(() => import('../screens/knowledge-screen.tsx')),
  },
  {
    key: 'models',
    path: '/models',
    title: 'nav.models',
    icon: <ExperimentOutlined />,
    anyOf: [Permission.ModelsTrain, Permission.ModelsActivate],
    screen: lazy(() => import('../screens/models-screen.tsx')),
  },
  {
    // Agents come here for their own scores and appeals; reviewers and supervisors for everything else.
    key: 'quality',
    path: '/quality',
    title: 'nav.quality',
    icon: <SafetyCertificateOutlined />,
    anyOf: [Permission.QualityReview, Permission.QualityConfigure, Permission.ConversationsHandle],
    screen: lazy(() => import('../screens/quality-screen.tsx')),
  },
  {
    key: 'analytics',
    path: '/analytics',
    title: 'nav.analytics',
    icon: <BarChartOutlined />,
    anyOf: [Permission.AnalyticsRead],
    screen: lazy(() => import('../screens/analytics-screen.tsx')),
  },
  {
    key: 'audit',
    path: '/audit',
    title: 'nav.audit',
    icon: <AuditOutlined />,
    anyOf: [Permission.AuditRead],
    screen: lazy(() => import('../screens/audit-screen.tsx')),
  },
  {
    key: 'administration',
    path: '/administration',
    title: 'nav.administration',
    icon: <SettingOutlined />,
    anyOf: [Permission.RolesManage, Permission.KeysManage, Permission.SystemConfigure],
    screen: placeholder,
  },
];

export function sectionsFor(permissions: readonly Permission[]): ConsoleSection[] {
  return sections.filter((section) => section.anyOf.some((permission) => permissions.includes(permission)));
}
