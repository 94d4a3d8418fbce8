// Where the downloaded products are listed in localStorage; imports nothing, so the entry can look without loading the room.
export const PACKAGES_KEY = 'xr-assist.offline-packages';
