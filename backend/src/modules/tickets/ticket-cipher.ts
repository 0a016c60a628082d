import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../crypto/index.ts';

export const TICKETS_PURPOSE = 'tickets';

/** Descriptions and comments are free text an agent or customer may fill with personal data: encrypted, bound to row. */
@Injectable()
export class TicketCipher {
  constructor(private readonly cipher: FieldCipher) {}

  seal(column: 'tickets.description' | 'ticket_comments.body', rowId: string, text: string): Promise<Buffer> {
    return this.cipher.encrypt(text, { purpose: TICKETS_PURPOSE, context: `${column}:${rowId}` });
  }

  open(column: 'tickets.description' | 'ticket_comments.body', rowId: string, sealed: Buffer): Promise<string> {
    return this.cipher.decryptText(sealed, `${column}:${rowId}`);
  }
}
