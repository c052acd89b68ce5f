import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { onResponseClose } from './response-close';

function response(): ServerResponse {
  return new ServerResponse(new IncomingMessage(new Socket()));
}

describe('onResponseClose', () => {
  it('adds one close listener however many callbacks the layer registers', () => {
    const res = response();
    const before = res.listenerCount('close');
    for (let i = 0; i < 12; i++) onResponseClose(res, () => {});
    expect(res.listenerCount('close')).toBe(before + 1);
  });

  it('runs every callback once, in registration order, when the response closes', () => {
    const res = response();
    const ran: number[] = [];
    onResponseClose(res, () => ran.push(1));
    onResponseClose(res, () => ran.push(2));
    res.emit('close');
    res.emit('close');
    expect(ran).toEqual([1, 2]);
  });
});
