import { describe, expect, it } from 'vitest';
import { isPrivateAddress, privateHostReason } from '../../src/verify/network-guard.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    'ff02::1',
    '64:ff9b::7f00:1',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::',
    '2002:c0a8:101::1',
    '::127.0.0.1',
    '::8.8.8.8',
    '::ffff:0:127.0.0.1',
    '::ffff:0:a9fe:a9fe',
  ])('treats %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '::ffff:0:808:808', '203.0.113.7', '2001:db8::7'])('treats %s as public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('privateHostReason', () => {
  it('refuses localhost names and internal suffixes', () => {
    for (const url of ['http://localhost/', 'http://api.localhost/', 'http://metadata.google.internal/', 'http://printer.local/']) {
      expect(privateHostReason(new URL(url))).not.toBeNull();
    }
  });

  it('sees through numeric IPv4 spellings the URL parser normalises', () => {
    expect(privateHostReason(new URL('http://2130706433/'))).not.toBeNull(); // 127.0.0.1
    expect(privateHostReason(new URL('http://0x7f.1/'))).not.toBeNull();
    expect(privateHostReason(new URL('http://[::1]:8080/'))).not.toBeNull();
  });

  it('lets public hosts through', () => {
    expect(privateHostReason(new URL('https://badges.example.org/a.json'))).toBeNull();
    expect(privateHostReason(new URL('https://8.8.8.8/'))).toBeNull();
  });
});
