// A Teams conversation reference: what a proactive post needs to reach a conversation later.
// The store keeps it as the conversation's address, JSON only this adapter reads.
import type { Store } from '../../src/store/types.js';

export interface ConversationRef {
  conversationId: string;
  /** The Bot Connector of the conversation's region. */
  serviceUrl: string;
  tenantId: string | null;
  conversationType: string | null;
  botId: string | null;
  updatedAt: string;
}

const isRef = (x: unknown): x is ConversationRef =>
  !!x && typeof x === 'object' && typeof (x as ConversationRef).conversationId === 'string' && typeof (x as ConversationRef).serviceUrl === 'string';

export function saveReference(store: Store, ref: ConversationRef): Promise<void> {
  return store.saveAddress('teams', ref.conversationId, ref);
}

export async function getReference(store: Store, conversationId: string): Promise<ConversationRef | null> {
  const a = await store.getAddress('teams', conversationId);
  return a && isRef(a.address) ? a.address : null;
}

export async function listReferences(store: Store): Promise<ConversationRef[]> {
  return (await store.listAddresses('teams')).map((a) => a.address).filter(isRef);
}
