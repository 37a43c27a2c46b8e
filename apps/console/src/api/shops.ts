import { useQuery } from '@tanstack/react-query';
import type { PenaltyPoints, ShopRating } from '../views/shop/shop-model';
import { api } from './client';

/** A shop's figures: penalty points (by calendar year) and its rating with the follow-up figures. */

export const usePenaltyPoints = (shopId: string, year?: number) =>
  useQuery({
    queryKey: ['shops', shopId, 'penalty-points', year ?? 'current'],
    queryFn: () => api<PenaltyPoints>(`/shops/${encodeURIComponent(shopId)}/penalty-points`, { query: { year } }),
  });

export const useShopRating = (shopId: string) =>
  useQuery({ queryKey: ['shops', shopId, 'rating'], queryFn: () => api<ShopRating>(`/shops/${encodeURIComponent(shopId)}/rating`) });
