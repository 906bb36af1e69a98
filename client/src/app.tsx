import { Layout } from './components/Layout';
import { I18nProvider } from './i18n/i18n';
import { useLocation } from './lib/router';
import { CitiesPage } from './pages/CitiesPage';
import { CityPage } from './pages/CityPage';
import { NotFoundPage } from './pages/NotFoundPage';

const CITY_PATH = /^\/cities\/([^/]+)\/?$/;

function CurrentPage() {
  const { path } = useLocation();
  if (path === '/' || path === '/cities' || path === '/cities/') return <CitiesPage />;
  const city = CITY_PATH.exec(path);
  // Keyed by path, so moving to another page starts it afresh (state, focus on its heading).
  if (city) return <CityPage cityKey={decodeURIComponent(city[1])} key={path} />;
  return <NotFoundPage key={path} />;
}

export function App() {
  return (
    <I18nProvider>
      <Layout>
        <CurrentPage />
      </Layout>
    </I18nProvider>
  );
}
