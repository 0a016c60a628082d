import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { ConversationsModule } from '../conversations/index.ts';
import { CryptoModule } from '../crypto/index.ts';
import { TicketRepository } from './ticket.repository.ts';
import { TicketCipher } from './ticket-cipher.ts';
import { TicketFieldRepository } from './ticket-field.repository.ts';
import { TicketFieldsController } from './ticket-fields.controller.ts';
import { TicketFields } from './ticket-fields.service.ts';
import { TicketsController } from './tickets.controller.ts';
import { Tickets } from './tickets.service.ts';

/** Tickets (工单): custom fields, priority and SLA timers, the status workflow, comments and history. */
@Module({
  imports: [AuditModule, ConversationsModule, CryptoModule],
  // The fields controller first: its literal `fields` path must not be read as a ticket id.
  controllers: [TicketFieldsController, TicketsController],
  providers: [TicketRepository, TicketFieldRepository, TicketCipher, TicketFields, Tickets],
  exports: [Tickets],
})
export class TicketsModule {}
