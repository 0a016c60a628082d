export { AssistModule } from './assist.module.ts';
