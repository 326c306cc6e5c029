import { useMutation } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import type { StartChatRequest } from '../../../contract/webchat';
import { callApi } from '../../../lib/api-client';

export const startChat = (body: StartChatRequest) => callApi(api.webchatStart, { body });

export const useStartChat = () => useMutation({ mutationFn: startChat });
