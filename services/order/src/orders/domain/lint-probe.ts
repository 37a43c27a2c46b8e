import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';

export const probe = [Injectable, readFileSync];
