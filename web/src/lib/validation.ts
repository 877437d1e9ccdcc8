/** Form rules built from the server's limits (src/domain/limits.ts), so both refuse the same input. */
import { LIMITS } from '../shared/limits';

/** "Tối đa 10.000 ký tự", or "Địa chỉ tối đa 300 ký tự" with the field's name. */
export function maxCharsMessage(max: number, field?: string): string {
  const n = max.toLocaleString('vi-VN');
  return field ? `${field} tối đa ${n} ký tự` : `Tối đa ${n} ký tự`;
}

/** An Ant Design rule that accepts a value when `ok(value)`, and otherwise says `message`. */
export function checkRule<T>(ok: (value: T) => boolean, message: string) {
  return {
    validator: (_: unknown, value: T) => (ok(value) ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}

/** An Ant Design rule: at most `max` characters, with its Vietnamese message. */
export function maxRule(max: number, field?: string) {
  return { max, message: maxCharsMessage(max, field) };
}

export const EMAIL_RULES = [
  { type: 'email' as const, max: LIMITS.email, message: 'Địa chỉ thư điện tử không hợp lệ' },
];
export const PHONE_RULES = [
  maxRule(LIMITS.phone, 'Số điện thoại'),
  { pattern: /^[0-9+().\s-]*$/, message: 'Số điện thoại chỉ gồm chữ số, dấu cách và các ký tự + ( ) . -' },
];
export const ADDRESS_RULES = [maxRule(LIMITS.address, 'Địa chỉ')];

/**
 * A required text field of at most `max` characters (spaces alone do not count); with `field`, the
 * length message names it.
 */
export const requiredText = (message: string, max: number, field?: string) => [
  { required: true, whitespace: true, message },
  maxRule(max, field),
];
