/** Form rules matching the server's limits (see the API schemas). */
export const EMAIL_RULES = [
  { type: 'email' as const, max: 200, message: 'Địa chỉ thư điện tử không hợp lệ' },
];
export const PHONE_RULES = [
  { max: 40, message: 'Số điện thoại tối đa 40 ký tự' },
  { pattern: /^[0-9+().\s-]*$/, message: 'Số điện thoại chỉ gồm chữ số, dấu cách và các ký tự + ( ) . -' },
];
export const ADDRESS_RULES = [{ max: 300, message: 'Địa chỉ tối đa 300 ký tự' }];

/** A required text field of at most `max` characters (spaces alone do not count). */
export const requiredText = (message: string, max: number) => [
  { required: true, whitespace: true, message },
  { max, message: `Tối đa ${max} ký tự` },
];
