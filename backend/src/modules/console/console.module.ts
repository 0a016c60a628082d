import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller.ts';
import { WidgetController } from './widget.controller.ts';

/** What the app serves to browsers: the chat widget and the staff console (DESIGN.md, modules). */
@Module({ controllers: [WidgetController, ConsoleController] })
export class ConsoleModule {}
