export { ConsoleModule } from './console.module.ts';
