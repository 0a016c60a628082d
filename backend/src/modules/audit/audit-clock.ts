import { Injectable } from '@nestjs/common';

/** The time of audit events and checkpoints; an injectable edge so archive tests can age a trail. */
@Injectable()
export class AuditClock {
  now(): Date {
    return new Date();
  }
}
