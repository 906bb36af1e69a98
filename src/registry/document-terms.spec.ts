import { documentTermFacts, documentTermProblems, type DocumentTermInput } from './document-terms';

const base: DocumentTermInput = {
  signedOn: null,
  validFrom: null,
  validUntil: null,
  term: null,
  termYears: null,
  renewalYears: null,
  noticeMonths: null,
};

describe('document term facts', () => {
  const rochester: DocumentTermInput = {
    ...base,
    signedOn: '1973-07-18',
    term: 'fixed_auto_renew',
    termYears: 5,
    renewalYears: 5,
    noticeMonths: 6,
  };

  it('gives Rochester, on 2026-11-21, next expiry 2028-07-18 and notice deadline 2028-01-18', () => {
    expect(documentTermFacts(rochester, '2026-11-21')).toEqual({
      inForce: true,
      validUntil: null,
      nextExpiryOn: '2028-07-18',
      noticeDeadlineOn: '2028-01-18',
    });
  });

  it('moves an auto-renewing agreement to the next period the day after it renews', () => {
    expect(documentTermFacts(rochester, '2028-07-18').nextExpiryOn).toBe('2028-07-18');
    expect(documentTermFacts(rochester, '2028-07-19')).toMatchObject({
      nextExpiryOn: '2033-07-18',
      noticeDeadlineOn: '2033-01-18',
    });
    expect(documentTermFacts(rochester, '1974-01-01')).toMatchObject({
      inForce: true,
      nextExpiryOn: '1978-07-18',
      noticeDeadlineOn: '1978-01-18',
    });
  });

  it('uses the renewal period when it differs from the first term', () => {
    const doc = { ...rochester, termYears: 3, renewalYears: 1, noticeMonths: 3 };
    expect(documentTermFacts(doc, '2026-11-21')).toMatchObject({
      nextExpiryOn: '2027-07-18',
      noticeDeadlineOn: '2027-04-18',
    });
  });

  it('has Vienna joint statement of 2005-07-01 for four years expired on 2009-07-01', () => {
    const vienna: DocumentTermInput = { ...base, signedOn: '2005-07-01', term: 'fixed', termYears: 4 };
    expect(documentTermFacts(vienna, '2026-11-21')).toEqual({
      inForce: false,
      validUntil: '2009-07-01',
      nextExpiryOn: null,
      noticeDeadlineOn: null,
    });
    expect(documentTermFacts(vienna, '2009-07-01')).toMatchObject({ inForce: true, nextExpiryOn: '2009-07-01' });
    expect(documentTermFacts(vienna, '2009-07-02').inForce).toBe(false);
    expect(
      documentTermFacts({ ...vienna, validFrom: '2005-07-01', validUntil: '2009-07-01' }, '2026-11-21'),
    ).toMatchObject({ inForce: false, validUntil: '2009-07-01' });
  });

  it('treats a validity period as inclusive and not in force before it starts', () => {
    const protocol: DocumentTermInput = {
      ...base,
      signedOn: '1997-07-09',
      validFrom: '1997-01-01',
      validUntil: '2001-12-31',
    };
    expect(documentTermFacts(protocol, '1996-12-31').inForce).toBe(false);
    expect(documentTermFacts(protocol, '1997-01-01').inForce).toBe(true);
    expect(documentTermFacts(protocol, '2001-12-31')).toMatchObject({ inForce: true, nextExpiryOn: '2001-12-31' });
    expect(documentTermFacts(protocol, '2002-01-01')).toMatchObject({ inForce: false, nextExpiryOn: null });
  });

  it('keeps open-ended and undated-term documents in force from signing', () => {
    const open: DocumentTermInput = { ...base, signedOn: '1985-04-18', term: 'open_ended' };
    expect(documentTermFacts(open, '2026-11-21')).toEqual({
      inForce: true,
      validUntil: null,
      nextExpiryOn: null,
      noticeDeadlineOn: null,
    });
    expect(documentTermFacts(open, '1985-04-17').inForce).toBe(false);
    expect(documentTermFacts({ ...base, signedOn: '1993-02-19' }, '2026-11-21').inForce).toBe(true);
  });

  it('cannot compute an expiry for an auto-renewing agreement without a stated term', () => {
    const gothenburg: DocumentTermInput = { ...base, signedOn: '1990-03-22', term: 'fixed_auto_renew' };
    expect(documentTermFacts(gothenburg, '2026-11-21')).toEqual({
      inForce: true,
      validUntil: null,
      nextExpiryOn: null,
      noticeDeadlineOn: null,
    });
  });
});

describe('documentTermProblems', () => {
  const termBase = {
    signedOn: '2020-01-15',
    validFrom: null,
    validUntil: null,
    term: null,
    termYears: null,
    renewalYears: null,
    noticeMonths: null,
  } as const satisfies DocumentTermInput;

  it('accepts the terms of the reference data', () => {
    expect(documentTermProblems({ ...termBase, term: 'fixed_auto_renew', termYears: 5, noticeMonths: 6 })).toEqual({});
    expect(documentTermProblems({ ...termBase, term: 'fixed', validUntil: '2024-01-15' })).toEqual({});
    expect(documentTermProblems({ ...termBase, term: 'open_ended' })).toEqual({});
    expect(documentTermProblems({ ...base })).toEqual({});
  });

  it('refuses an end before the start', () => {
    expect(documentTermProblems({ ...termBase, term: 'fixed', validUntil: '2019-12-31' })).toEqual({
      validUntil: 'validUntil (2019-12-31) is before the document starts (2020-01-15)',
    });
  });

  it('refuses a notice period longer than the term', () => {
    expect(documentTermProblems({ ...termBase, term: 'fixed_auto_renew', termYears: 2, noticeMonths: 30 })).toEqual({
      noticeMonths: 'a notice period of 30 months is longer than the term (24 months)',
    });
    expect(
      documentTermProblems({ ...termBase, term: 'fixed', validUntil: '2021-01-15', noticeMonths: 13 }).noticeMonths,
    ).toBe('a notice period of 13 months is longer than the term (12 months)');
  });

  it('asks for what a term needs and refuses what it cannot have', () => {
    expect(documentTermProblems({ ...termBase, term: 'fixed' })).toHaveProperty('validUntil');
    expect(documentTermProblems({ ...termBase, term: 'fixed_auto_renew' })).toHaveProperty('termYears');
    expect(documentTermProblems({ ...termBase, term: 'open_ended', validUntil: '2030-01-01' })).toHaveProperty(
      'validUntil',
    );
    expect(documentTermProblems({ ...termBase, term: 'fixed', termYears: 4, renewalYears: 4 })).toHaveProperty(
      'renewalYears',
    );
  });
});
