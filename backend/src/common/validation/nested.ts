import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

type Dto = new () => object;

/**
 * A property holding one object of `type`, checked by that type's rules. ValidateNested alone also takes an array
 * (it checks the elements instead) and lets a missing value through: both were stored as they came.
 */
export function NestedObject(type: () => Dto): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** A property holding a list of objects of `type`, each checked by that type's rules (not a list of lists). */
export function NestedObjects(type: () => Dto): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
