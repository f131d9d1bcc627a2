import * as z from 'zod';
import '../../shared/src/contract/zod-chinese';

/** zod as every function loads it (Chinese messages), with one small schema. */
const Input = z.object({ id: z.string().min(1).max(32) });

export const handler = async (event: unknown) => Input.parse(event);
