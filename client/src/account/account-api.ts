// "My data" over HTTP: the JSON export saved as a file, erasing the account, and the proactive-help preference.
import { EraseAccountResponseSchema, PersonalDataExportSchema, type EraseAccountRequest, type EraseAccountResponse } from '../../../core/account.ts';
import { ProactivePreferenceSchema } from '../../../core/proactive.ts';
import { apiGet, apiRequest } from '../api/http.ts';

/** Fetches the export with the bearer token and hands it to the browser as a download. */
export async function downloadMyData(): Promise<void> {
  const data = PersonalDataExportSchema.parse(await apiRequest('/api/account/export'));
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `xr-assist-my-data-${new Date(data.exportedAt).toISOString().slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function eraseMyAccount(request: EraseAccountRequest): Promise<EraseAccountResponse> {
  return EraseAccountResponseSchema.parse(await apiRequest('/api/account/erase', { method: 'POST', body: request }));
}

export async function offersWanted(): Promise<boolean> {
  return (await apiGet('/api/proactive/preference', ProactivePreferenceSchema)).offers;
}

export async function setOffersWanted(offers: boolean): Promise<boolean> {
  return ProactivePreferenceSchema.parse(await apiRequest('/api/proactive/preference', { method: 'PUT', body: { offers } })).offers;
}
