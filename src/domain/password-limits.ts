/** Password lengths: pure, so the API contract (and through it the web app) can use them. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
