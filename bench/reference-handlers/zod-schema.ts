import * as z from 'zod/mini';
import '../../shared/src/contract/zod-chinese';

/** zod as every function loads it (Chinese messages), with one small schema. */
const Input = z.object({ id: z.string().check(z.minLength(1), z.maxLength(32)) });

export const handler = async (event: unknown) => Input.parse(event);
