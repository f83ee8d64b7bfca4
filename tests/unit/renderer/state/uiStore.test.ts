import { beforeEach, describe, expect, it } from 'vitest';
import { createInitialUiState, useUiStore } from '../../../../renderer/state/uiStore.js';

describe('side panel selection', () => {
  beforeEach(() => useUiStore.setState(createInitialUiState()));

  it('shows one thing at a time: a note puts away the claim and a claim puts away the note', () => {
    const ui = useUiStore.getState();
    ui.selectClaim('clm_1');
    ui.selectNote('not_1');
    expect(useUiStore.getState()).toMatchObject({ selectedNoteId: 'not_1', selectedClaimId: undefined });
    ui.selectClaim('clm_2');
    expect(useUiStore.getState()).toMatchObject({ selectedNoteId: undefined, selectedClaimId: 'clm_2' });
  });

  it('closing the note leaves nothing selected', () => {
    const ui = useUiStore.getState();
    ui.selectNote('not_1');
    ui.selectNote(undefined);
    expect(useUiStore.getState()).toMatchObject({ selectedNoteId: undefined, selectedClaimId: undefined });
  });
});
