package io.attune.scoring.engine;

import java.util.List;

public record ConversationSample(String relationship, String clientSpeaker, List<Turn> turns, String locale) {}
