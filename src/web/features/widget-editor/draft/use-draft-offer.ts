import { useEffect, useRef, useState } from 'react';
import { useToast } from '../../../ui/toast.tsx';
import {
  isDraftOf,
  readDraft,
  removeDraft,
  shouldOfferDraft,
  type DraftOrigin,
  type StoredDraft,
} from './draft-storage.ts';
import { browserDraftStore } from './use-draft-autosave.ts';
import type { WidgetDraft } from './widget-form-model.ts';

/**
 * The draft kept on this device to offer back when the editor opens (read once), and its setter
 * (null once restored or discarded). A draft made from another object that had the same id (deleted,
 * its id given again) is never offered: it is removed, with a quiet notice, as it belongs to nothing
 * that still exists.
 */
export function useDraftOffer(
  storageKey: string,
  origin: DraftOrigin,
  saved: WidgetDraft,
): [StoredDraft | null, (offer: StoredDraft | null) => void] {
  const toast = useToast();
  const [kept] = useState(() => {
    const stored = readDraft(browserDraftStore, storageKey);
    return { stored, foreign: stored !== null && !isDraftOf(stored, origin) };
  });
  const [offer, setOffer] = useState(() =>
    !kept.foreign && shouldOfferDraft(kept.stored, saved) ? kept.stored : null,
  );
  const noticed = useRef(false);
  useEffect(() => {
    if (!kept.foreign || noticed.current) return;
    noticed.current = true;
    removeDraft(browserDraftStore, storageKey);
    toast.show({
      tone: 'info',
      title: 'An old draft was not restored',
      description: 'It was kept on this device for a widget that has since been deleted, not for this one.',
    });
  }, [kept.foreign, storageKey, toast]);
  return [offer, setOffer];
}
