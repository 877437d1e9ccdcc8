import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { isApiError, type ApiErrorCode } from '../api/client';
import { conflictText } from './ConflictAlert';

/** Server error codes that belong to one field of a form: `{ USERNAME_TAKEN: 'username' }`. */
export type FieldErrors<V> = Partial<Record<ApiErrorCode, keyof V & string>>;

function fieldOf<V>(e: unknown, fields: FieldErrors<V>): (keyof V & string) | undefined {
  return isApiError(e) && Object.hasOwn(fields, e.code) ? fields[e.code] : undefined;
}

/** Whether the server's error is one shown on a field (so not in an alert above the form). */
export const isFieldError = <V>(e: unknown, fields: FieldErrors<V>): boolean => !!fieldOf(e, fields);

/** Puts a field-level server error on its field and scrolls to it; returns whether it did. */
export function applyFieldError<V>(form: FormInstance<V>, e: unknown, fields: FieldErrors<V>): boolean {
  const field = fieldOf(e, fields);
  if (!field || !isApiError(e)) return false;
  form.setFields([{ name: field as never, errors: [e.message] }]);
  form.scrollToField(field, { block: 'center' });
  return true;
}

/**
 * The save of a form that creates (no version): a server error that belongs to a field (`fields`)
 * goes on it, `error` is any other, for the alert above the form (give the whole to `SaveForm`).
 */
export function createSave<V, TData, TError, TVars, TContext>(
  mutation: UseMutationResult<TData, TError, TVars, TContext>,
  form: FormInstance<V>,
  fields: FieldErrors<V> = {},
) {
  return {
    form,
    conflict: null,
    error: mutation.isError && !isFieldError(mutation.error, fields) ? mutation.error : null,
    save: (vars: TVars, onSuccess: (data: TData) => void) =>
      mutation.mutate(vars, { onSuccess, onError: (e) => applyFieldError(form, e, fields) }),
  };
}

/** What a versioned edit form gets from its modal: the record, its save, a reload and a close. */
export interface VersionedFormProps<T, M> {
  record: T;
  mutation: M;
  reload: () => Promise<T | undefined>;
  onClose: () => void;
}

export interface VersionedSaveOptions<T, V, TData, TError, TVars, TContext> {
  /** The record as the form opened it; its `version` goes with the first save. */
  record: T;
  /** Fetches the latest record after a 409 VERSION_CONFLICT. */
  reload: () => Promise<T | undefined>;
  /** The save; it is reset once a conflict is handled (the notice replaces its error). */
  mutation: UseMutationResult<TData, TError, TVars, TContext>;
  /** The form refilled with `toValues(latest)` after a conflict, and where field errors go. */
  form?: FormInstance<V>;
  toValues?: (latest: T) => V;
  /** Anything else to do with the latest record after a conflict. */
  onReloaded?: (latest: T) => void;
  /** Server errors shown on a field instead of above the form. */
  fieldErrors?: FieldErrors<V>;
  /** Closes the form (after `unchanged` and `saveAndClose`). */
  onClose?: () => void;
}

export interface VersionedSave<T, TData, TError, TVars, V = unknown> {
  /** The record the next save is based on: the one opened, or the latest after a conflict. */
  base: T;
  /** The form given in the options, and its first values (`toValues` of the record opened). */
  form?: FormInstance<V>;
  initialValues?: V;
  /** The notice after a conflict (see `conflictText`), or null. */
  conflict: string | null;
  /** The save's error for the alert above the form: null when none or when shown on a field. */
  error: TError | null;
  clearConflict: () => void;
  /**
   * After a failed save: if it was a 409 VERSION_CONFLICT, resets the mutation, reloads the record,
   * puts the latest values in the form and sets the notice. Returns whether it handled it.
   */
  recover: (e: unknown) => Promise<boolean>;
  /** Clears the notice and saves; a field error goes on its field, a conflict is recovered from. */
  save: (vars: TVars, onSuccess?: (data: TData) => void) => void;
  /** `save`, then says `done` (a text, or one made from what the server returned) and closes. */
  saveAndClose: (vars: TVars, done: string | ((data: TData) => string)) => void;
  /** When nothing was changed: says there is nothing to save and closes. */
  unchanged: () => void;
}

/**
 * The versioned edit forms' save: each save sends the record's `version`; on a 409 VERSION_CONFLICT
 * the form is reloaded with the latest values and a notice says so (show it with `FormAlerts`).
 */
export function useVersionedSave<T, V, TData, TError, TVars, TContext>(
  opts: VersionedSaveOptions<T, V, TData, TError, TVars, TContext>,
): VersionedSave<T, TData, TError, TVars, V> {
  const { reload, mutation, form, toValues, onReloaded, fieldErrors, onClose } = opts;
  const { message } = App.useApp();
  const [base, setBase] = useState(opts.record);
  const [conflict, setConflict] = useState<string | null>(null);

  const recover = async (e: unknown) => {
    if (!isApiError(e, 'VERSION_CONFLICT')) return false;
    mutation.reset(); // the notice below replaces the error; no red alert while reloading
    const latest = await reload();
    if (latest) {
      setBase(latest);
      if (form && toValues)
        form.setFieldsValue(toValues(latest) as Parameters<typeof form.setFieldsValue>[0]);
      onReloaded?.(latest);
    }
    setConflict(conflictText(e));
    return true;
  };

  const save = (vars: TVars, onSuccess?: (data: TData) => void) => {
    setConflict(null);
    mutation.mutate(vars, {
      onSuccess: (data) => onSuccess?.(data),
      onError: (e) => {
        if (form && fieldErrors && applyFieldError(form, e, fieldErrors)) return;
        void recover(e);
      },
    });
  };

  const saveAndClose = (vars: TVars, done: string | ((data: TData) => string)) =>
    save(vars, (data) => {
      message.success(typeof done === 'string' ? done : done(data));
      onClose?.();
    });

  const error =
    mutation.isError && !(fieldErrors && isFieldError(mutation.error, fieldErrors)) ? mutation.error : null;
  const unchanged = () => {
    message.info('Không có thay đổi nào để lưu');
    onClose?.();
  };

  return {
    base,
    form,
    initialValues: toValues?.(opts.record),
    conflict,
    error,
    clearConflict: () => setConflict(null),
    recover,
    save,
    saveAndClose,
    unchanged,
  };
}
