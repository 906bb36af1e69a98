import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts a passphrase of 12 to 128 characters without composition rules', () => {
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('zielony most nad wisłą')).toBeNull();
    expect(passwordProblem('x'.repeat(11) + 'y')).toBeNull();
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('żółćżółćżół')).toBe('too_short'); // 11 characters, 22 bytes
  });

  it('rejects passwords that are too short or too long', () => {
    expect(passwordProblem('short pass')).toBe('too_short');
    expect(passwordProblem('a'.repeat(64) + 'b'.repeat(65))).toBe('too_long');
  });

  it('rejects common and breached passwords whatever the case', () => {
    expect(passwordProblem('123456789012')).toBe('common');
    expect(passwordProblem('PasswordPassword')).toBe('common');
    expect(passwordProblem('qwertyuiop123')).toBe('common');
  });

  it('rejects a repeated pattern and the e-mail or name with a little added', () => {
    expect(passwordProblem('abcabcabcabc')).toBe('common');
    expect(passwordProblem('anna.kowalska1', ['anna.kowalska'])).toBe('common');
  });
});
