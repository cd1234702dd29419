/**
 * What auditors rely on: the hash chain over the event store and its verification, replay of the plant as of any moment, and ISO 9001 / IATF 16949 evidence packs.
 */
package io.cncvision.audit;
