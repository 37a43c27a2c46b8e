import { messagesOf } from './disputes';

describe('a case’s messages', () => {
  it('given a case stream with two messages among other events, one of them sealed, then the messages come out in order and the sealed one without text', () => {
    const message = (messageId: string, text: unknown) => ({
      type: 'DisputeMessagePosted',
      data: { messageId, authorId: 'agent-7', authorParty: 'merchant', visibility: 'internal', text, awaitingReply: false, postedAt: '2026-11-03T08:00:00.000Z' },
    });

    const messages = messagesOf([{ type: 'DisputeOpened', data: {} }, message('msg-1', 'Check the scan'), message('msg-2', { sealed: 'x' })]);

    expect(messages.map((m) => [m.messageId, m.text])).toEqual([
      ['msg-1', 'Check the scan'],
      ['msg-2', undefined],
    ]);
  });
});
