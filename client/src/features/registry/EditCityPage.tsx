/**
 * /cities/:cityKey/edit: a registry editor changes a partner city's names, country, coordinates,
 * tier, status and notes (in their language, with a version in the other).
 */
import { useState } from 'preact/hooks';
import { CITY_STATUSES, RELATIONSHIPS, type CityDetail } from '../../shared/api/client';
import { useForm } from '../../shared/hooks/use-form';
import { useI18n } from '../../shared/i18n/i18n';
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from '../../shared/ui/Form';
import { updateCity } from './api';
import { EditorPage, NONE, RulesAndJustification, useBackToCity } from './components/RegistryEditor';
import { useRegistryEditMessages } from './i18n/messages';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** /cities/:cityKey/edit */
export function EditCityPage({ cityKey }: { cityKey: string }) {
  const { placeName } = useI18n();
  const rm = useRegistryEditMessages();
  return (
    <EditorPage cityKey={cityKey} title={(city) => rm.editCityTitle(city ? placeName(city) : cityKey)}>
      {(city) => <CityForm city={city} />}
    </EditorPage>
  );
}

const CITY_FORM_FIELDS = [
  'namePl',
  'name',
  'country',
  'lat',
  'lon',
  'inEurope',
  'relationship',
  'status',
  'facts',
  'factsLanguage',
  'factsTranslation',
  'overrideJustification',
] as const;

function CityForm({ city }: { city: CityDetail }) {
  const { m } = useI18n();
  const rm = useRegistryEditMessages();
  const [namePl, setNamePl] = useState(city.namePl);
  const [name, setName] = useState(city.name);
  const [country, setCountry] = useState(city.country);
  const [lat, setLat] = useState(String(city.lat));
  const [lon, setLon] = useState(String(city.lon));
  const [inEurope, setInEurope] = useState(city.inEurope);
  const [relationship, setRelationship] = useState<string>(city.relationship);
  const [status, setStatus] = useState<string>(city.status ?? NONE);
  // The form edits the original notes; the page shows the reader's version.
  const [notes, setNotes] = useState(city.factsOriginal ? city.facts.join('\n') : '');
  const [notesLanguage, setNotesLanguage] = useState<string>(city.factsOriginal ? city.factsLang : 'en');
  const [translation, setTranslation] = useState(city.factsOriginal ? '' : city.facts.join('\n'));
  const [justification, setJustification] = useState('');
  const backToCity = useBackToCity(city.key);
  const form = useForm(
    () =>
      updateCity(city.key, {
        version: city.version,
        namePl,
        name,
        country,
        lat: Number(lat),
        lon: Number(lon),
        inEurope,
        relationship: relationship as CityDetail['relationship'],
        status: status === NONE ? null : (status as NonNullable<CityDetail['status']>),
        ...(notes.trim() || city.facts.length
          ? { facts: lines(notes), factsLanguage: notesLanguage as 'pl' | 'en' }
          : {}),
        ...(translation.trim() || !city.factsOriginal ? { factsTranslation: lines(translation) } : {}),
        ...(justification.trim() && { overrideJustification: justification }),
      }),
    {
      fields: CITY_FORM_FIELDS,
      onSuccess: backToCity,
    },
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
      <FormError form={form} />
      <TextField
        id="city-name-pl"
        field="namePl"
        form={form}
        label={rm.namePl}
        type="text"
        lang="pl"
        value={namePl}
        onValue={setNamePl}
        maxLength={120}
      />
      <TextField
        id="city-name-en"
        field="name"
        form={form}
        label={rm.nameEn}
        type="text"
        lang="en"
        value={name}
        onValue={setName}
        maxLength={120}
      />
      <TextField
        id="city-country"
        field="country"
        form={form}
        label={rm.country}
        type="text"
        value={country}
        onValue={setCountry}
        maxLength={2}
      />
      <TextField
        id="city-lat"
        field="lat"
        form={form}
        label={rm.lat}
        hint={rm.coordinatesHint}
        type="number"
        step={0.0001}
        min={-90}
        max={90}
        value={lat}
        onValue={setLat}
      />
      <TextField
        id="city-lon"
        field="lon"
        form={form}
        label={rm.lon}
        type="number"
        step={0.0001}
        min={-180}
        max={180}
        value={lon}
        onValue={setLon}
      />
      <div class="field field--checkbox">
        <input
          id="city-in-europe"
          type="checkbox"
          checked={inEurope}
          onChange={(event) => setInEurope(event.currentTarget.checked)}
        />
        <label for="city-in-europe">{rm.inEurope}</label>
      </div>
      <SelectField
        id="city-relationship"
        field="relationship"
        form={form}
        label={rm.relationship}
        value={relationship}
        onValue={setRelationship}
        options={RELATIONSHIPS.map((value) => ({ value, label: m.relationship[value] }))}
      />
      <SelectField
        id="city-status"
        field="status"
        form={form}
        label={rm.status}
        value={status}
        onValue={setStatus}
        options={[
          { value: NONE, label: rm.noStatus },
          ...CITY_STATUSES.map((value) => ({ value, label: m.status[value] })),
        ]}
      />
      <SelectField
        id="city-notes-language"
        field="factsLanguage"
        form={form}
        label={rm.notesLanguage}
        value={notesLanguage}
        onValue={setNotesLanguage}
        options={(['pl', 'en'] as const).map((value) => ({ value, label: rm.languages[value] }))}
      />
      <TextAreaField
        id="city-notes"
        field="facts"
        form={form}
        label={rm.notes}
        optional
        rows={5}
        lang={notesLanguage}
        value={notes}
        onValue={setNotes}
      />
      <TextAreaField
        id="city-notes-translation"
        field="factsTranslation"
        form={form}
        label={rm.notesTranslation}
        optional
        rows={5}
        lang={notesLanguage === 'pl' ? 'en' : 'pl'}
        value={translation}
        onValue={setTranslation}
      />
      <RulesAndJustification form={form} value={justification} onValue={setJustification} />
      <SubmitButton form={form}>{rm.save}</SubmitButton>
    </form>
  );
}
