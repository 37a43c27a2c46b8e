// Throwaway: a domain file that reaches for a framework and the file system; lint must refuse it.
import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Injectable()
export class LintProofDomainService {
  rules = (): string => readFileSync('rules.json', 'utf8');
}
