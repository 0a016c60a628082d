import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { type Actor, VisitorRoute } from '../../../common/access/index.ts';
import { validatePayload } from '../../../common/errors/validation-pipe.ts';
import { VisitorTokens } from '../../auth/index.ts';
import type { ChatMessage, Conversation } from '../conversation.ts';
import { ConversationEvents, type MessagesListener } from '../conversation-events.ts';
import { Conversations } from '../conversations.service.ts';
import { conversationView } from '../dto/chat-message.response.ts';
import { JoinConversationPayload, SendMessagePayload } from '../dto/socket-payloads.ts';
import { StartConversationRequest } from '../dto/start-conversation.request.ts';
import { type Acknowledgement, acknowledge } from './socket-acknowledgement.ts';

export const WIDGET_NAMESPACE = '/chat';

/**
 * The widget's real-time channel (Socket.IO namespace `/chat`; WebSocket, falling back to HTTP long-polling). A socket
 * authenticates once with its visitor token (`auth.token`); `start`, `join` and `send` answer through their
 * acknowledgement; every committed message is pushed to the conversation's room as `messages`, in every replica,
 * except to the socket that sent it (its acknowledgement carries the message and the bot's replies).
 * Pushes are best effort: after a reconnect the widget `join`s with the last seq it saw and gets the rest.
 */
@WebSocketGateway({ namespace: WIDGET_NAMESPACE })
@VisitorRoute()
export class WidgetGateway implements OnGatewayInit<Namespace>, MessagesListener {
  private readonly logger = new Logger('WidgetGateway');
  private namespace?: Namespace;

  constructor(
    private readonly conversations: Conversations,
    private readonly visitorTokens: VisitorTokens,
    events: ConversationEvents,
  ) {
    events.listen(this);
  }

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      this.visitorTokens
        .verify(typeof token === 'string' ? token : '', socket.handshake.address)
        .then((actor) => {
          socket.data.actor = actor;
          next();
        })
        .catch(() => next(new Error('unauthenticated: auth.token must be a valid visitor token')));
    });
  }

  @SubscribeMessage('start')
  start(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Acknowledgement<object>> {
    return acknowledge(async () => {
      const request = await validatePayload(StartConversationRequest, payload);
      const { conversation, messages } = await this.conversations.start(actorOf(socket), {
        ...request,
        channel: 'web',
      });
      await socket.join(roomOf(conversation.id));
      return { conversation: conversationView(conversation), messages };
    });
  }

  @SubscribeMessage('join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Acknowledgement<object>> {
    return acknowledge(async () => {
      const request = await validatePayload(JoinConversationPayload, payload);
      const history = await this.conversations.history(actorOf(socket), request.conversationId, request.afterSeq, 500);
      await socket.join(roomOf(request.conversationId));
      return { conversation: conversationView(history.conversation), messages: history.messages };
    });
  }

  @SubscribeMessage('send')
  send(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Acknowledgement<object>> {
    return acknowledge(async () => {
      const request = await validatePayload(SendMessagePayload, payload);
      const result = await this.conversations.send(
        actorOf(socket),
        request.conversationId,
        request.clientMessageId,
        request.text,
        socket.id,
      );
      await socket.join(roomOf(request.conversationId));
      return { ...result, conversation: conversationView(result.conversation) };
    });
  }

  committed(conversation: Conversation, messages: ChatMessage[], origin?: string): void {
    if (!this.namespace) {
      this.logger.warn('a message was committed before the gateway started');
      return;
    }
    // The state travels with the messages, so the widget's status line follows a handoff, an agent and a close.
    const room = this.namespace.to(roomOf(conversation.id));
    (origin ? room.except(origin) : room).emit('messages', {
      conversationId: conversation.id,
      state: conversation.state,
      messages,
    });
  }
}

function roomOf(conversationId: string): string {
  return `conversation:${conversationId}`;
}

function actorOf(socket: Socket): Actor {
  const actor = (socket.data as { actor?: Actor }).actor;
  // The namespace middleware refuses sockets without a valid token, so this only fires on a programming error.
  if (!actor) throw new Error('socket without a verified visitor');
  return actor;
}
