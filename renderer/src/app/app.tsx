import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthGate } from '../auth/auth-gate';
import { AppLayout } from '../layout/app-layout';
import { CallbacksPage } from '../pages/callbacks/callbacks-page';
import { CustomerCardPage } from '../pages/customer-card/customer-card-page';
import { CustomersPage } from '../pages/customers/customers-page';
import { DataCareIndex, DataCareLayout } from '../pages/data-care/data-care-layout';
import { DuplicatesPage } from '../pages/data-care/duplicates/duplicates-page';
import { ImportPage } from '../pages/data-care/import/import-page';
import { NotBuiltPage } from '../pages/placeholder/not-built-page';
import { SettingsPage } from '../pages/settings/settings-page';
import { AppProviders } from './app-providers';

/** Hash routing: the same bundle works over http and from file:// inside Electron. */
export function App() {
  return (
    <AppProviders>
      <HashRouter>
        <AuthGate>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/customers" replace />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="customers/:id" element={<CustomerCardPage />} />
              <Route path="callbacks" element={<CallbacksPage />} />
              <Route path="complaints" element={<NotBuiltPage section="complaints" />} />
              <Route path="events" element={<NotBuiltPage section="events" />} />
              <Route path="reports" element={<NotBuiltPage section="reports" />} />
              <Route path="data-care" element={<DataCareLayout />}>
                <Route index element={<DataCareIndex />} />
                <Route path="import" element={<ImportPage />} />
                <Route path="duplicates" element={<DuplicatesPage />} />
              </Route>
              <Route path="settings" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/customers" replace />} />
            </Route>
          </Routes>
        </AuthGate>
      </HashRouter>
    </AppProviders>
  );
}
