/** /open-data: the catalogue of the platform's public datasets, with the licence and the downloads. */
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { downloadPath, openDataCatalogue, type Dataset } from './api';
import { useOpenDataMessages } from './messages';
import './open-data.css';

export function OpenDataPage() {
  const om = useOpenDataMessages();
  const { language } = useI18n();
  useDocumentTitle(om.title);
  const catalogue = useApi((signal) => openDataCatalogue(signal), []);
  const data = catalogue.data;
  return (
    <div class="open-data">
      <PageHeading>{om.title}</PageHeading>
      <p class="lead">{om.intro}</p>
      {catalogue.error ? (
        <LoadError error={catalogue.error} onRetry={catalogue.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <section class="panel" aria-labelledby="open-data-license">
            <h2 id="open-data-license">{om.license}</h2>
            <p>
              {om.licenseText(data.license.name)}{' '}
              <a href={data.license.url} lang="en">
                {data.license.name}
              </a>
            </p>
            <p>
              {om.publisher}: {data.publisher.name[language]}
            </p>
            <p>{om.formulas}</p>
            <p>
              <a href="/api/v1/open-data">{om.catalogue}</a>
            </p>
          </section>
          <h2>{om.datasets}</h2>
          <ul class="open-data__list">
            {data.datasets.map((dataset) => (
              <DatasetItem key={dataset.key} dataset={dataset} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function DatasetItem({ dataset }: { dataset: Dataset }) {
  const om = useOpenDataMessages();
  const { language, formatDateTime } = useI18n();
  const title = dataset.title[language];
  return (
    <li class="open-data__dataset">
      <h3>{title}</h3>
      <p>{dataset.description[language]}</p>
      <p>
        {om.modified}:{' '}
        {dataset.modified ? (
          <time dateTime={dataset.modified}>{formatDateTime(dataset.modified)}</time>
        ) : (
          om.notRecorded
        )}
      </p>
      <p class="open-data__columns">
        {om.columns}: <code>{dataset.columns.join(', ')}</code>
      </p>
      <p class="open-data__downloads">
        {dataset.distributions.map((distribution) => (
          <a
            key={distribution.format}
            class="button-link"
            href={downloadPath(distribution.downloadURL)}
            aria-label={om.download(distribution.format, title)}
            download={distribution.format === 'CSV' ? `${dataset.key}.csv` : undefined}
          >
            {distribution.format}
          </a>
        ))}
      </p>
    </li>
  );
}
