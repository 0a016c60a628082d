import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION, VISITOR_ROUTE } from '../../common/access/access.decorators.ts';
import type { Permission } from '../../common/access/permission.ts';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'visitor' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'undecided' };

export interface CatalogedRoute {
  method: string;
  path: string;
  controller: string;
  handler: string;
  access: RouteAccess;
}

/** Every route Nest registered, with the access decision its decorators declare (for the permission matrix). */
@Injectable()
export class RouteCatalog {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): CatalogedRoute[] {
    const routes: CatalogedRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type || !wrapper.instance) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance);
      const base = joinPaths(this.reflector.get<string | string[]>(PATH_METADATA, type));
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const path = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = this.reflector.get<RequestMethod>(METHOD_METADATA, handler);
        routes.push({
          method: RequestMethod[method] ?? String(method),
          path: `/${[base, joinPaths(path)].filter(Boolean).join('/')}`.replace(/\/+/g, '/'),
          controller: type.name,
          handler: name,
          access: this.accessOf(handler, type),
        });
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }

  private accessOf(handler: object, type: object): RouteAccess {
    const targets = [handler, type] as Parameters<Reflector['getAllAndOverride']>[1];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return { kind: 'public' };
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission) return { kind: 'permission', permission };
    if (this.reflector.getAllAndOverride<boolean>(VISITOR_ROUTE, targets)) return { kind: 'visitor' };
    return { kind: 'undecided' };
  }
}

function joinPaths(path: string | string[] | undefined): string {
  const first = Array.isArray(path) ? path[0] : path;
  return (first ?? '').replace(/^\/+|\/+$/g, '');
}
