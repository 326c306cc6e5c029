/** The id rule lives in the contract (path parameters are parsed with it); the server and mocks import it from here too. */
export { isUuid, UUID_PATTERN } from '../contract/ids';
