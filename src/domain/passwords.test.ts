import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, isStrongPassword } from './passwords.js';

describe('passwords', () => {
  it('requires length, a letter and a digit, and a change', () => {
    expect(isStrongPassword('ngắn1')).toBe(false);
    expect(isStrongPassword('chuachuaso')).toBe(false);
    expect(isStrongPassword('1234567890')).toBe(false);
    expect(isStrongPassword('mật-khẩu-mới-2026')).toBe(true);
    expect(isStrongPassword('matkhau2026x', 'matkhau2026x')).toBe(false);
  });
  it('generates strong, distinct one-time passwords', () => {
    const a = new Set(Array.from({ length: 50 }, generateOneTimePassword));
    expect(a.size).toBe(50);
    for (const p of a) expect(isStrongPassword(p)).toBe(true);
  });
});
