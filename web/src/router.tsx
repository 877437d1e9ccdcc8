import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage, RouteError } from './layout/RouteError';
import { COMING_SOON } from './layout/navigation';
import { RequireAuth, RequireRole } from './features/auth/guards';
import LoginPage from './features/auth/LoginPage';
import { ROLES } from './shared/domain';
import { can } from './shared/permissions';

const HomePage = lazy(() => import('./features/home/HomePage'));
const ComingSoonPage = lazy(() => import('./features/home/ComingSoonPage'));
const UnitsPage = lazy(() => import('./features/units/UnitsPage'));
const UnitDetailPage = lazy(() => import('./features/units/UnitDetailPage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const ProgramsPage = lazy(() => import('./features/programs/ProgramsPage'));
const ProgramPage = lazy(() => import('./features/programs/ProgramPage'));
const ImportPage = lazy(() => import('./features/imports/ImportPage'));
const ImportDraftPage = lazy(() => import('./features/imports/ImportDraftPage'));
const TaskPage = lazy(() => import('./features/tasks/TaskPage'));
const RecommendationsPage = lazy(() => import('./features/inspections/RecommendationsPage'));
const RecommendationPage = lazy(() => import('./features/inspections/RecommendationPage'));
const UnitTasksPage = lazy(() => import('./features/plans/UnitTasksPage'));
const PlanPage = lazy(() => import('./features/plans/PlanPage'));
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage'));
const ReportPage = lazy(() => import('./features/reports/ReportPage'));
const FeedbackPage = lazy(() => import('./features/reports/FeedbackPage'));
const PeriodPage = lazy(() => import('./features/periods/PeriodPage'));
const ReviewPage = lazy(() => import('./features/review/ReviewPage'));
const AccountPage = lazy(() => import('./features/account/AccountPage'));
const DirectionsPage = lazy(() => import('./features/directions/DirectionsPage'));
const ForcedPasswordChangePage = lazy(() => import('./features/account/ForcedPasswordChangePage'));

const NOT_UNIT = ROLES.filter((r) => r !== 'unit');
const IMPORTERS = ROLES.filter((r) => r === 'admin' || r === 'monitor');
const REVIEWERS = ROLES.filter((role) => can({ role, unitId: null }, 'review.read'));

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/dang-nhap', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/tai-khoan/doi-mat-khau', element: <ForcedPasswordChangePage /> },
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: '/don-vi', element: <UnitsPage /> },
              { path: '/don-vi/:id', element: <UnitDetailPage /> },
              { path: '/chuong-trinh', element: <ProgramsPage /> },
              { path: '/chuong-trinh/:id', element: <ProgramPage /> },
              { path: '/nhiem-vu', element: <UnitTasksPage /> },
              { path: '/nhiem-vu/:nodeId', element: <TaskPage /> },
              { path: '/ke-hoach/:planId', element: <PlanPage /> },
              { path: '/bao-cao', element: <ReportsPage /> },
              { path: '/bao-cao/:id', element: <ReportPage /> },
              { path: '/phan-hoi', element: <FeedbackPage /> },
              { path: '/y-kien-chi-dao', element: <DirectionsPage /> },
              { path: '/kien-nghi', element: <RecommendationsPage /> },
              { path: '/kien-nghi/:id', element: <RecommendationPage /> },
              {
                element: <RequireRole allow={IMPORTERS} />,
                children: [{ path: '/nhap-van-ban', element: <ImportPage /> }],
              },
              // A unit opens the drafts of its own plan documents (the server checks whose draft it is).
              { path: '/nhap-van-ban/:id', element: <ImportDraftPage /> },
              {
                element: <RequireRole allow={['admin']} />,
                children: [{ path: '/nguoi-dung', element: <UsersPage /> }],
              },
              {
                element: <RequireRole allow={NOT_UNIT} />,
                children: [{ path: '/nhat-ky', element: <AuditPage /> }],
              },
              {
                element: <RequireRole allow={NOT_UNIT} />,
                children: [{ path: '/ky-bao-cao/:id', element: <PeriodPage /> }],
              },
              {
                element: <RequireRole allow={REVIEWERS} />,
                children: [{ path: '/kiem-diem', element: <ReviewPage /> }],
              },
              { path: '/tai-khoan', element: <AccountPage /> },
              ...COMING_SOON.map((i) => ({ path: i.path, element: <ComingSoonPage title={i.label} /> })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
