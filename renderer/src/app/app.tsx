import type { ReactNode } from 'react';
import { HashRouter, Route, Routes } from 'react-router-dom';
import type { SectionKey } from '../../../electron/contract/sections';
import { AuthGate } from '../auth/auth-gate';
import { AppLayout } from '../layout/app-layout';
import { HomeRedirect, SectionGate } from '../layout/section-access';
import { CallbacksPage } from '../pages/callbacks/callbacks-page';
import { ComplaintsPage } from '../pages/complaints/complaints-page';
import { TicketPage } from '../pages/complaints/ticket-page';
import { CustomerCardPage } from '../pages/customer-card/customer-card-page';
import { CustomersPage } from '../pages/customers/customers-page';
import { DataCareIndex, DataCareLayout } from '../pages/data-care/data-care-layout';
import { DuplicatesPage } from '../pages/data-care/duplicates/duplicates-page';
import { BudgetYearPage } from '../pages/events/budget-year-page';
import { EventPage } from '../pages/events/event-page';
import { EventsPage } from '../pages/events/events-page';
import { EventReportPrint } from '../pages/events/print/event-report-print';
import { SignInSheetPrint } from '../pages/events/print/sign-in-sheet-print';
import { ImportPage } from '../pages/data-care/import/import-page';
import { LoyaltyPage } from '../pages/loyalty/loyalty-page';
import { VoucherPrint } from '../pages/loyalty/voucher-print';
import { PrivacyPage } from '../pages/privacy/privacy-page';
import { ClosingsPage } from '../pages/reports/closings-page';
import { ComparePage } from '../pages/reports/compare-page';
import { DashboardPage } from '../pages/reports/dashboard-page';
import { PackPage } from '../pages/reports/pack-page';
import { ReportPrint } from '../pages/reports/print/report-print';
import { ReportsLayout } from '../pages/reports/reports-layout';
import { SettingsPage } from '../pages/settings/settings-page';
import { AppProviders } from './app-providers';

/** A section's page, or the "no access" page for a role that cannot use it. */
function gated(section: SectionKey, page: ReactNode) {
  return <SectionGate section={section}>{page}</SectionGate>;
}

/** Hash routing: the same bundle works over http and from file:// inside Electron. */
export function App() {
  return (
    <AppProviders>
      <HashRouter>
        <AuthGate>
          <Routes>
            {/* Print views: the A4 page alone, no menu around it. */}
            <Route path="print/events/:id/sheet" element={gated('events', <SignInSheetPrint />)} />
            <Route path="print/events/:id/report" element={gated('events', <EventReportPrint />)} />
            <Route path="print/reports" element={gated('reports', <ReportPrint />)} />
            <Route path="print/loyalty/vouchers/:id" element={gated('customers', <VoucherPrint />)} />
            <Route element={<AppLayout />}>
              <Route index element={<HomeRedirect />} />
              <Route path="customers" element={gated('customers', <CustomersPage />)} />
              <Route path="customers/:id" element={gated('customers', <CustomerCardPage />)} />
              <Route path="callbacks" element={gated('callbacks', <CallbacksPage />)} />
              <Route path="complaints" element={gated('complaints', <ComplaintsPage />)} />
              <Route path="complaints/:id" element={gated('complaints', <TicketPage />)} />
              <Route path="events" element={gated('events', <EventsPage />)} />
              <Route path="events/budget" element={gated('events', <BudgetYearPage />)} />
              <Route path="events/:id" element={gated('events', <EventPage />)} />
              <Route path="loyalty" element={gated('loyalty', <LoyaltyPage />)} />
              <Route path="reports" element={gated('reports', <ReportsLayout />)}>
                <Route index element={<DashboardPage />} />
                <Route path="pack" element={<PackPage />} />
                <Route path="close" element={<ClosingsPage />} />
                <Route path="close/compare" element={<ComparePage />} />
              </Route>
              <Route path="data-care" element={gated('dataCare', <DataCareLayout />)}>
                <Route index element={<DataCareIndex />} />
                <Route path="import" element={<ImportPage />} />
                <Route path="duplicates" element={<DuplicatesPage />} />
              </Route>
              <Route path="privacy" element={gated('privacy', <PrivacyPage />)} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="*" element={<HomeRedirect />} />
            </Route>
          </Routes>
        </AuthGate>
      </HashRouter>
    </AppProviders>
  );
}
