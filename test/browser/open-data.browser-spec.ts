/**
 * The open-data page in a real browser: reached from the footer, the catalogue with its licence in
 * both languages, a CSV downloaded from it, and no accessibility violation (axe-core).
 */
import { browserHarness, downloadedText, expectNoAccessibilityViolations, heading, waitForText } from './harness';

const harness = browserHarness();

describe('the open-data page', () => {
  it('is linked from the footer and lists the datasets with the licence and downloads (English)', async () => {
    const page = await harness.visit('/cities', { language: 'en', bypassCSP: true });
    await page.locator('footer').getByRole('link', { name: 'Open data' }).click();
    await waitForText(() => heading(page), 'Open data');
    await page.getByRole('heading', { name: 'Partner cities', level: 3 }).waitFor();
    // 13 datasets and the 7 statistics of /statistics.
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(20);
    await page.getByRole('heading', { name: 'Initiatives by area of cooperation', level: 3 }).waitFor();
    await page.getByRole('heading', { name: 'Consultation comments', level: 3 }).waitFor();
    await page.getByRole('heading', { name: 'Delegation visits', level: 3 }).waitFor();
    await page.getByRole('link', { name: 'CC BY 4.0' }).waitFor();
    await page.getByText('The data are published under CC BY 4.0').waitFor();
    await expectNoAccessibilityViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV: Partner cities' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('partner-cities.csv');
    const csv = await downloadedText(download);
    expect(csv.split('\r\n')[0]).toBe(
      'key,name,name_pl,official_name_pl,country,relationship,status,in_europe,lat,lon,areas',
    );
    expect(csv).toContain('nuremberg,Nuremberg,Norymberga');
  });

  it('speaks Polish, with the licence and the download links named for each dataset', async () => {
    const page = await harness.visit('/open-data', { language: 'pl', bypassCSP: true });
    await waitForText(() => heading(page), 'Otwarte dane');
    await page.getByRole('heading', { name: 'Miasta partnerskie', level: 3, exact: true }).waitFor();
    await page.getByText('Dane udostępniamy na licencji CC BY 4.0').waitFor();
    await page.getByText('Udostępnia: Urząd Miasta Krakowa').waitFor();
    const json = page.getByRole('link', { name: 'Pobierz JSON: Cele współpracy' });
    expect(await json.getAttribute('href')).toBe('/api/v1/open-data/goals.json');
    // A statistic is a dataset too, under its title on /statistics.
    const statistic = page.getByRole('link', { name: 'Pobierz CSV: Inicjatywy według obszaru współpracy' });
    expect(await statistic.getAttribute('href')).toBe('/api/v1/open-data/initiatives-by-area.csv');
    // Reference data never edited: the page says the change is not recorded rather than showing a date.
    await page.getByText('nie odnotowano').first().waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
