import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { assertKnownAnswers } from './known-answer-tests.ts';

/** Runs the known-answer tests when the app starts; a failing vector stops start-up. */
@Injectable()
export class CryptoSelfTest implements OnModuleInit {
  private readonly logger = new Logger('CryptoSelfTest');

  onModuleInit(): void {
    const passed = assertKnownAnswers();
    this.logger.log(`cryptographic self-test passed (${passed} known-answer tests)`);
  }
}
