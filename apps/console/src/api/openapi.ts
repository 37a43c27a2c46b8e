import { useQuery } from '@tanstack/react-query';
import { accessIndexOf, type AccessIndex } from '../access/access';
import { api } from './client';

/** The server's OpenAPI document, read once per session: the access index useCan asks. */
export function useAccessIndex(): { index: AccessIndex | undefined; isLoading: boolean } {
  const query = useQuery({
    queryKey: ['openapi.json'],
    queryFn: async () => accessIndexOf(await api<Parameters<typeof accessIndexOf>[0]>('/openapi.json')),
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return { index: query.data, isLoading: query.isLoading };
}
