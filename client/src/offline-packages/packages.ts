// This device's one list of downloaded products, shared by the product page's button and the storage page.
import { createPackagesStore } from './packages-store.ts';

export const packages = createPackagesStore();
