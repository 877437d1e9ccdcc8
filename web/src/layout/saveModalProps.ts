/** What a save modal needs of the mutation it runs. */
interface ModalMutation {
  isPending: boolean;
  reset: () => void;
}

/**
 * The `saving` and `onClose` of a SaveModal (or QuerySaveModal) that runs `mutation`: closing also
 * resets the mutation, so an error from this time is not shown when the modal opens again. Spread it
 * on the modal (`<SaveModal {...modal}>`) and close the form with `modal.onClose` after a save.
 */
export function saveModalProps(mutation: ModalMutation, onClose: () => void) {
  return {
    saving: mutation.isPending,
    onClose: () => {
      mutation.reset();
      onClose();
    },
  };
}
