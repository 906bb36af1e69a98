import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { ROUTES, type AppRoute } from './routes';
import { I18nProvider, type Language } from './shared/i18n/i18n';
import { APP_LINKS, markNavigated, NavigationBridge } from './shared/router';
import { SessionProvider } from './shared/session';
import { Layout } from './shared/ui/Layout';
import { NotFoundPage } from './shared/ui/NotFoundPage';

interface RouteProps {
  path: string;
  params: Record<string, string>;
}

/**
 * One component per row of the table (the Router tells routes apart by component). The page is
 * keyed by the path, so moving to another city or organisation starts its page afresh (state, focus
 * on its heading), while a new query string (a filter) keeps it.
 */
function routeComponent(route: AppRoute): ComponentType<RouteProps> {
  return function RoutePage({ path, params }: RouteProps) {
    const valid = Object.entries(route.params ?? {}).every(([name, form]) => form.test(params[name] ?? ''));
    if (!valid) return <NotFoundPage key={path} />;
    const Page = route.page;
    return <Page key={path} {...params} {...route.props} />;
  };
}

const ROUTE_COMPONENTS = ROUTES.map((route) => ({ path: route.path, component: routeComponent(route) }));

export function App({ language }: { language: Language }) {
  return (
    <I18nProvider language={language}>
      <LocationProvider scope={APP_LINKS}>
        <NavigationBridge />
        <SessionProvider>
          <Layout>
            <Router onRouteChange={markNavigated}>
              {[
                ...ROUTE_COMPONENTS.map(({ path, component }) => (
                  <Route key={path} path={path} component={component} />
                )),
                <Route key="not-found" default component={NotFoundPage} />,
              ]}
            </Router>
          </Layout>
        </SessionProvider>
      </LocationProvider>
    </I18nProvider>
  );
}
