import { Module } from '@nestjs/common';
import { WidgetController } from './widget.controller.ts';

/** What the app serves to browsers: the chat widget now, the staff console next to it (DESIGN.md, modules). */
@Module({ controllers: [WidgetController] })
export class ConsoleModule {}
